/**
 * A backup holds only maps that validate; what it leaves out is listed (map, title, reasons) in a
 * notice in the interface's language, never only logged to the console.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, beforeAll } from 'vitest';
import { openDatabase } from '../../../src/persist/database';
import { MapRepository } from '../../../src/persist/mapRepository';
import { leftOutNotice, mapsForBackup } from '../../../src/persist/backupMaps';
import { problem } from '../../../src/model/problem';
import { restoreBackup, serializeBackup } from '../../../src/io/backup';
import { showMessage, translator } from '../../../src/ui/i18n';
import { sampleMap } from '../model/sampleMap';
import { loadLanguage } from '../../../src/ui/i18n';

// The Chinese interface loads on demand, as in the app.
beforeAll(() => loadLanguage('zh'));

describe('the maps of a backup', () => {
  it('leaves out what does not validate and lists it: whole maps and single records', async () => {
    const db = openDatabase('backup-maps');
    const repo = new MapRepository(db, 'tab');
    const healthy = { ...sampleMap(), id: 'healthy', title: 'Healthy' };
    const brokenFrame = { ...sampleMap(), id: 'frame', title: 'Damaged frame' };
    const brokenNode = { ...sampleMap(), id: 'node', title: 'Damaged node' };
    for (const map of [healthy, brokenFrame, brokenNode]) await repo.putMap(map, { edited: true });
    // Damage the stored records directly, as a faulty version or another program might.
    await db.sources.where('mapId').equals('frame').modify({ language: 42 });
    const nodeId = brokenNode.nodes[1]!.id;
    await db.nodes.update(['node', nodeId], { kind: 'no-such-kind' });

    const { maps, leftOut } = await mapsForBackup(repo);
    expect(maps.map((m) => m.id).sort()).toEqual(['healthy', 'node']);
    // The map with a damaged node is backed up without that node (and its edges).
    expect(maps.find((m) => m.id === 'node')!.nodes.map((n) => n.id)).not.toContain(nodeId);
    const byId = Object.fromEntries(leftOut.map((l) => [l.id, l]));
    expect(Object.keys(byId).sort()).toEqual(['frame', 'node']);
    expect(byId.frame).toMatchObject({ title: 'Damaged frame', whole: true });
    expect(byId.frame!.problems[0]!.path).toMatch(/^sources\[0\]\.language/);
    expect(byId.node).toMatchObject({ title: 'Damaged node', whole: false });
    expect(byId.node!.problems.some((p) => p.path === `node "${nodeId}"`)).toBe(true);
    // What is backed up restores in full.
    const restored = restoreBackup(serializeBackup(maps));
    expect(restored.ok && restored.contents.maps.length).toBe(2);
    expect(restored.ok && restored.contents.refused).toEqual([]);
    db.close();
    await db.delete();
  });

  it('says in a notice which maps were left out and why, in both languages', () => {
    const notice = leftOutNotice([
      {
        id: 'frame',
        title: 'Damaged | frame',
        whole: true,
        problems: [{ path: 'sources[0].language', message: 'must be a string' }],
      },
      {
        id: 'node',
        title: 'Damaged node',
        whole: false,
        problems: Array.from({ length: 5 }, (_, i) => problem(`comment "c${i}"`, 'repOrphan')),
      },
    ])!;
    const en = showMessage(translator('en'), notice);
    expect(en).toMatch(
      /^The backup leaves out what does not validate \(it stays stored, unchanged\): /,
    );
    expect(en).toContain('“Damaged | frame” (frame): sources[0].language: must be a string — ');
    expect(en).toContain(
      '“Damaged node” (node): comment "c0": it is on (or answers) a record that did not load; left out comment "c1": ',
    );
    expect(en).toContain('…and 2 more.');
    const zh = showMessage(translator('zh'), notice);
    expect(zh).toMatch(/^备份未包含无法通过校验的内容/);
    expect(zh).toContain('“Damaged | frame”（frame）：sources[0].language：must be a string');
    expect(zh).toContain('comment "c0"：它所在（或所回复）的记录未能载入；已略去');
    expect(zh).toContain('……另有 2 个问题。');
    expect(leftOutNotice([])).toBeUndefined();
  });
});

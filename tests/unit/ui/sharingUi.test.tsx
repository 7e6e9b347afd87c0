// @vitest-environment jsdom
/**
 * The sharing UI alone, driven by setting `useSharing` (#16): the share dialog with no sync layer,
 * before and after sharing, for the owner and for others; the status chip; the others' names and
 * rings; what a viewer and a commenter are shown; this person's source selection told to others.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi, beforeAll } from 'vitest';
import { useSharing, type Peer, type SharingActions } from '../../../src/store/sharingStore';
import { useMapStore } from '../../../src/store/mapStore';
import { useUiStore } from '../../../src/store/uiStore';
import { ShareDialogView } from '../../../src/ui/sharing/ShareDialog';
import { SharingStatus } from '../../../src/ui/sharing/SharingStatus';
import { PeerRing } from '../../../src/ui/sharing/PeerRing';
import { useShareSourceCursor } from '../../../src/ui/sharing/PeerCursors';
import { useEditingHidden } from '../../../src/ui/sharing/roles';
import { CommentThreads } from '../../../src/ui/comments/CommentThreads';
import { commandById, commandContext } from '../../../src/ui/commands';
import type { Role } from '../../../src/collab/protocol';
import type { SourceSelection } from '../../../src/ui/sourceSelection';
import { sampleMap } from '../model/sampleMap';
import { loadLanguage } from '../../../src/ui/i18n';

// The Chinese interface loads on demand, as in the app.
beforeAll(() => loadLanguage('zh'));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;
const initial = useSharing.getState();

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  localStorage.clear();
  useUiStore.setState({ language: 'en' });
  useSharing.setState(initial, true);
  useMapStore.getState().open(sampleMap());
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(element: ReactNode) {
  act(() => root.render(element));
}

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const text = () => container.ownerDocument.body.textContent ?? '';

async function click(id: string) {
  const element = byTestId(id);
  if (!element) throw new Error(`no ${id}`);
  await act(async () => element.click());
}

/** Types into a controlled field as a person would (React listens to input events). */
function type(id: string, value: string) {
  const field = byTestId(id) as HTMLInputElement | HTMLSelectElement;
  const proto = field instanceof HTMLSelectElement ? HTMLSelectElement : HTMLInputElement;
  act(() => {
    Object.getOwnPropertyDescriptor(proto.prototype, 'value')!.set!.call(field, value);
    field.dispatchEvent(
      new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}

function fakeActions(overrides: Partial<SharingActions> = {}): SharingActions {
  return {
    share: vi.fn(async () => undefined),
    makeLink: vi.fn(async (role: Role) => `http://editor/?server=ws://s&shared=m1#token=${role}`),
    rotateKey: vi.fn(async () => undefined),
    unshare: vi.fn(async () => undefined),
    saveCopy: vi.fn(async () => undefined),
    setName: vi.fn(),
    setSourceCursor: vi.fn(),
    ...overrides,
  };
}

const sharedAs = (role: Role, actions = fakeActions()) => {
  useSharing.setState({
    shared: { mapId: 'm1', server: 'ws://127.0.0.1:1234', role },
    connection: 'online',
    actions,
  });
  return actions;
};

const peer = (
  clientId: number,
  name: string,
  color: string,
  selectedNodeIds: string[] = [],
): Peer => ({
  clientId,
  name,
  color,
  role: 'editor',
  selectedNodeIds,
  sourceCursor: null,
});

describe('the share dialog', () => {
  it('says sharing is unavailable when no sync layer registered its actions, and offers nothing', () => {
    render(<ShareDialogView onClose={() => undefined} />);
    expect(byTestId('share-unavailable')?.textContent).toBe(
      'Sharing is not available in this editor yet.',
    );
    expect(byTestId('share-start')).toBeNull();
    expect(byTestId('share-link-editor')).toBeNull();
  });

  it('shares through the remembered server address, refusing one that is not ws:// or wss://', async () => {
    const actions = fakeActions();
    useSharing.setState({ actions });
    render(<ShareDialogView onClose={() => undefined} />);
    expect((byTestId('share-server') as HTMLInputElement).value).toBe('ws://127.0.0.1:1234');
    type('share-server', 'http://example.org');
    await click('share-start');
    expect(text()).toContain('must start with ws:// or wss://');
    expect(actions.share).not.toHaveBeenCalled();
    type('share-server', 'wss://sync.school.example:443');
    await click('share-start');
    expect(actions.share).toHaveBeenCalledWith('wss://sync.school.example:443');
    expect(localStorage.getItem('argmap-share-server')).toBe('wss://sync.school.example:443');
  });

  it('says in words why sharing failed', async () => {
    useSharing.setState({
      actions: fakeActions({
        share: async () => {
          throw new Error('The server at ws://127.0.0.1:1234 did not answer.');
        },
      }),
    });
    render(<ShareDialogView onClose={() => undefined} />);
    await click('share-start');
    expect(byTestId('share-problem')?.textContent).toBe(
      'Sharing problem: The server at ws://127.0.0.1:1234 did not answer.',
    );
  });

  it('gives the owner a link per role with its expiry, Copy, revoke after a confirmation, stop and copy', async () => {
    const actions = sharedAs('owner');
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<ShareDialogView onClose={() => undefined} />);
    expect(byTestId('share-state')?.textContent).toContain('your role: Owner');
    for (const role of ['editor', 'commenter', 'viewer'])
      expect(byTestId(`share-link-${role}`)).not.toBeNull();

    type('share-expiry-commenter', String(7 * 24 * 3600));
    await click('share-make-commenter');
    expect(actions.makeLink).toHaveBeenCalledWith('commenter', 7 * 24 * 3600);
    const url = (byTestId('share-url-commenter') as HTMLInputElement).value;
    expect(url).toContain('#token=commenter');
    await click('share-copy-commenter');
    expect(writeText).toHaveBeenCalledWith(url);
    expect(byTestId('share-copy-commenter')?.textContent).toBe('Copied');

    // Revoking asks first; No keeps everything.
    await click('share-revoke');
    expect(text()).toContain('Every link made so far stops working');
    expect(actions.rotateKey).not.toHaveBeenCalled();
    await click('share-revoke-no');
    expect(byTestId('share-url-commenter')).not.toBeNull();
    await click('share-revoke');
    await click('share-revoke-yes');
    expect(actions.rotateKey).toHaveBeenCalledTimes(1);
    expect(byTestId('share-url-commenter')).toBeNull();

    await click('share-save-copy');
    expect(actions.saveCopy).toHaveBeenCalledTimes(1);
    await click('share-stop');
    expect(actions.unshare).toHaveBeenCalledTimes(1);
  });

  it('keeps the links shown when revoking fails, saying why', async () => {
    sharedAs(
      'owner',
      fakeActions({
        rotateKey: async () => {
          throw new Error('offline');
        },
      }),
    );
    render(<ShareDialogView onClose={() => undefined} />);
    await click('share-make-viewer');
    await click('share-revoke');
    await click('share-revoke-yes');
    expect(byTestId('share-problem')?.textContent).toBe('Sharing problem: offline');
    expect(byTestId('share-url-viewer')).not.toBeNull();
  });

  it('gives others no links, no revoking and no stopping: only a copy', () => {
    sharedAs('editor');
    render(<ShareDialogView onClose={() => undefined} />);
    expect(byTestId('share-state')?.textContent).toContain('your role: Editor');
    expect(byTestId('share-link-editor')).toBeNull();
    expect(byTestId('share-revoke')).toBeNull();
    expect(byTestId('share-stop')).toBeNull();
    expect(byTestId('share-save-copy')).not.toBeNull();
  });

  it('speaks Chinese', () => {
    useUiStore.setState({ language: 'zh' });
    sharedAs('owner');
    render(<ShareDialogView onClose={() => undefined} />);
    expect(text()).toContain('共享此论证图');
    expect(text()).toContain('你的角色：所有者');
    expect(byTestId('share-revoke')?.textContent).toBe('撤销所有链接');
  });
});

describe('the status chip and the others', () => {
  it('is hidden for a local map', () => {
    render(<SharingStatus />);
    expect(byTestId('sharing-status')).toBeNull();
  });

  it('shows the role and the connection, and the edits waiting while offline', () => {
    sharedAs('commenter');
    render(<SharingStatus />);
    expect(byTestId('sharing-status')?.textContent).toBe('Commenter · online');
    act(() => useSharing.setState({ connection: 'offline', waiting: 3 }));
    expect(byTestId('sharing-status')?.textContent).toBe('Commenter · offline · 3 edits waiting');
    act(() => useSharing.setState({ connection: 'refused' }));
    expect(byTestId('sharing-status')?.getAttribute('data-connection')).toBe('refused');
    expect(byTestId('sharing-status')?.textContent).toBe('Commenter · link refused');
    act(() => useUiStore.setState({ language: 'zh' }));
    expect(byTestId('sharing-status')?.textContent).toBe('评论者 · 链接被拒绝');
  });

  it('shows who else is here, and rings the nodes they have selected with their names', () => {
    sharedAs('editor');
    useSharing.setState({
      peers: [
        peer(1, 'Mei', 'rgb(220, 38, 38)', ['n1']),
        peer(2, 'Tom', 'rgb(22, 163, 74)', ['n1', 'n2']),
      ],
    });
    render(
      <>
        <SharingStatus />
        <div data-testid="on-n1">
          <PeerRing nodeId="n1" />
        </div>
        <div data-testid="on-n3">
          <PeerRing nodeId="n3" />
        </div>
      </>,
    );
    const peers = [...document.querySelectorAll('[data-testid="peer"]')];
    expect(peers.map((p) => p.textContent)).toEqual(['M', 'T']);
    expect((peers[0] as HTMLElement).style.background).toBe('rgb(220, 38, 38)');
    expect(byTestId('peers')?.getAttribute('aria-label')).toBe('Also here: Mei, Tom');
    expect(byTestId('on-n1')?.textContent).toBe('MeiTom');
    expect((byTestId('on-n1')!.querySelector('.peer-ring') as HTMLElement).style.borderColor).toBe(
      'rgb(220, 38, 38)',
    );
    expect(byTestId('on-n3')?.textContent).toBe('');
    act(() => useSharing.setState({ peers: [] }));
    expect(byTestId('on-n1')?.textContent).toBe('');
    expect(byTestId('peers')).toBeNull();
  });
});

describe('what a role may see', () => {
  it('takes editing commands from viewers and commenters, not from editors or local maps', () => {
    const addNode = commandById('addNode');
    expect(addNode.enabled(commandContext())).toBe(true);
    for (const [role, may] of [
      ['viewer', false],
      ['commenter', false],
      ['editor', true],
      ['owner', true],
    ] as const) {
      sharedAs(role);
      expect(addNode.enabled(commandContext())).toBe(may);
    }
    // The comment list stays for everyone.
    sharedAs('viewer');
    expect(commandById('comments').enabled(commandContext())).toBe(true);
  });

  it('hides the editing controls of a shared map from viewers and commenters only', () => {
    function Probe() {
      return <p data-testid="hidden">{String(useEditingHidden())}</p>;
    }
    render(<Probe />);
    expect(byTestId('hidden')?.textContent).toBe('false');
    // A local map opened read-only keeps them (disabled), as before.
    act(() => useMapStore.setState({ readOnly: true }));
    expect(byTestId('hidden')?.textContent).toBe('false');
    for (const [role, hidden] of [
      ['viewer', 'true'],
      ['commenter', 'true'],
      ['editor', 'false'],
      ['owner', 'false'],
    ] as const) {
      act(() => void sharedAs(role));
      expect(byTestId('hidden')?.textContent).toBe(hidden);
    }
  });

  it('lets commenters comment, and shows viewers the comments without a box', () => {
    const map = useMapStore.getState().map!;
    sharedAs('commenter');
    render(<CommentThreads map={map} target="n1" />);
    expect(byTestId('new-comment')).not.toBeNull();
    expect(text()).toContain('No comments yet.');
    act(() => useSharing.setState({ shared: { mapId: 'm1', server: 'ws://s', role: 'viewer' } }));
    expect(byTestId('new-comment')).toBeNull();
  });

  it('uses the shared name for comments, without asking', () => {
    const map = useMapStore.getState().map!;
    sharedAs('commenter');
    useSharing.setState({ me: { name: 'Mei', color: '#f00' } });
    render(<CommentThreads map={map} target="n1" />);
    expect(byTestId('author-name')).toBeNull();
  });
});

describe('this person’s source selection', () => {
  function Probe({ selection }: { selection: SourceSelection | null }) {
    useShareSourceCursor(selection);
    return null;
  }

  it('is told to the others on a shared map, and nothing is sent for a local one', () => {
    const actions = fakeActions();
    useSharing.setState({ actions });
    const selection = { sourceId: 'src1', start: 3, end: 9, text: 'x' };
    render(<Probe selection={selection} />);
    expect(actions.setSourceCursor).not.toHaveBeenCalled();
    act(() => void sharedAs('viewer', actions));
    render(<Probe selection={selection} />);
    expect(actions.setSourceCursor).toHaveBeenLastCalledWith({
      sourceId: 'src1',
      start: 3,
      end: 9,
    });
    render(<Probe selection={null} />);
    expect(actions.setSourceCursor).toHaveBeenLastCalledWith(null);
  });
});

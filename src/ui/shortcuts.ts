/** Keyboard shortcuts: one table used by the key handler and the "?" help dialog. */
export interface Shortcut {
  keys: string;
  /** What it does, in both interface languages. */
  en: string;
  zh: string;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl/⌘ Z', en: 'Undo', zh: '撤销' },
  { keys: 'Ctrl/⌘ Shift Z, Ctrl Y', en: 'Redo', zh: '重做' },
  {
    keys: '← ↑ → ↓',
    en: 'Move the selection to the nearest node in that direction',
    zh: '选择该方向上最近的节点',
  },
  { keys: 'Enter', en: 'Edit the selected node’s text', zh: '编辑所选节点的文本' },
  { keys: 'Esc', en: 'Leave the text field / clear the selection', zh: '离开文本框／取消选择' },
  {
    keys: 'N',
    en: 'Add a node (a premise of the selected node)',
    zh: '添加节点（作为所选节点的前提）',
  },
  {
    keys: 'C',
    en: 'Connect the two selected nodes (first supports second)',
    zh: '连接所选的两个节点（前者支持后者）',
  },
  {
    keys: 'Delete, Backspace',
    en: 'Delete the selected nodes and edges',
    zh: '删除所选节点和连线',
  },
  { keys: 'L', en: 'Auto layout (keeps nodes you placed)', zh: '自动布局（保留手动放置的节点）' },
  { keys: 'Shift L', en: 'Re-layout every node', zh: '全部重新布局' },
  { keys: 'G', en: 'Group the selected nodes', zh: '把所选节点组成分组' },
  { keys: '1', en: 'Overview: show the whole map', zh: '概览：显示整张图' },
  { keys: 'F', en: 'Fold / unfold the selected node’s premises', zh: '折叠／展开所选节点的前提' },
  { keys: '/, Ctrl/⌘ F', en: 'Search', zh: '搜索' },
  { keys: 'T', en: 'Switch labels between original and English', zh: '在原文和英文标签之间切换' },
  { keys: 'O', en: 'Show / hide the outline', zh: '显示／隐藏大纲' },
  {
    keys: '↑ ↓ ← → Home End',
    en: 'In the outline: move between rows, unfold / fold, go to child / parent',
    zh: '大纲中：在行间移动，展开／折叠，转到子项／父项',
  },
  {
    keys: 'Enter, Esc',
    en: 'In the outline: edit the node’s text (Enter stores it, Esc cancels)',
    zh: '大纲中：编辑节点文本（Enter 保存，Esc 取消）',
  },
  {
    keys: 'Tab, Shift Tab',
    en: 'In the outline: move the node under its previous sibling / up a level',
    zh: '大纲中：把节点移到上一个同级节点之下／上移一级',
  },
  {
    keys: 'Alt ↑ ↓',
    en: 'In the outline: reorder among siblings',
    zh: '大纲中：在同级节点间调整顺序',
  },
  { keys: '?', en: 'Show this list', zh: '显示此列表' },
];

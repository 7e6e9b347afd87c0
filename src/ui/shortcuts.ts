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
  { keys: 'O', en: 'Overview: show the whole map', zh: '概览：显示整张图' },
  { keys: 'F', en: 'Fold / unfold the selected node’s premises', zh: '折叠／展开所选节点的前提' },
  { keys: '/, Ctrl/⌘ F', en: 'Search', zh: '搜索' },
  { keys: 'T', en: 'Switch labels between original and English', zh: '在原文和英文标签之间切换' },
  { keys: '?', en: 'Show this list', zh: '显示此列表' },
];

/**
 * Whether File → Share… is open, and the words for a role: kept apart from the dialog itself so
 * the menu and the status chip can open it while its code loads only when first opened.
 */
import { create } from 'zustand';
import type { Role } from '../../collab/protocol';
import type { MessageKey } from '../i18n';

export const useShareDialog = create<{ open: boolean }>()(() => ({ open: false }));
export const openShareDialog = () => useShareDialog.setState({ open: true });

export const roleKey = (role: Role): MessageKey =>
  (
    ({
      owner: 'roleOwner',
      editor: 'roleEditor',
      commenter: 'roleCommenter',
      viewer: 'roleViewer',
    }) as const
  )[role];

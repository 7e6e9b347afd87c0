/** Keeps a render error in one part of the editor from blanking the whole app. */
import { Component, type ReactNode } from 'react';
import { useUiStore } from '../store/uiStore';
import { translator } from './i18n';

interface Props {
  /** What failed, for the console ("the inspector", "the canvas"). */
  area: string;
  children: ReactNode;
  /** Shown instead of the default panel, e.g. a compact box in a node's place. */
  fallback?: (error: Error, retry: () => void) => ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error(`Error in ${this.props.area}:`, error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    if (this.props.fallback)
      return this.props.fallback(error, () => this.setState({ error: null }));
    const t = translator(useUiStore.getState().language);
    return (
      <div className="error-panel" role="alert">
        <p>
          {t('somethingWrong')} {error.message}
        </p>
        <p className="muted">{t('mapIsSafe')}</p>
        <button onClick={() => this.setState({ error: null })}>{t('tryAgain')}</button>
      </div>
    );
  }
}

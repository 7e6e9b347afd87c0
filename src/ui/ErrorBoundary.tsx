/** Keeps a render error in one part of the editor from blanking the whole app. */
import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, for the message ("the inspector", "the canvas"). */
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
    return (
      <div className="error-panel" role="alert">
        <p>
          Something went wrong in {this.props.area}: {error.message}
        </p>
        <p className="muted">Your map is safe; it is saved as you edit.</p>
        <button onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}

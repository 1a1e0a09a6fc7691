import { Component, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What to show instead of the part that failed, with a way to try again. */
  fallback: (retry: () => void) => ReactNode;
  children: ReactNode;
}

/**
 * Keeps a failure inside one part of the page: an app whose code could not be downloaded (the network
 * dropped between two chunks) or that threw while rendering shows its fallback; the shell and the map stay.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: unknown }> {
  override state = { error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render() {
    if (this.state.error !== undefined) return this.props.fallback(() => this.setState({ error: undefined }));
    return this.props.children;
  }
}

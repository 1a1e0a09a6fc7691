import { parseLanguageParameter, withLanguageParameter } from '../i18n/language.ts';
import type { AppState, AppStateStore } from '../state/app-state.ts';
import { formatMapHash, parseFeatureParameter, parseMapHash, withFeatureParameter } from '../state/url-state.ts';
import type { PageLocation, Router } from '../state/router.ts';

/** The query and hash that describe this state: language, open feature, map position. */
export function urlOf(state: AppState, location: PageLocation): { search: string; hash: string } {
  const withLanguage = withLanguageParameter(location.search, state.language);
  const search = withFeatureParameter(withLanguage, state.selection);
  return { search, hash: state.position ? formatMapHash(state.position) : location.hash };
}

/** The parts of the state a URL sets, for a link opened or a history entry returned to. */
export function stateFromUrl(location: PageLocation): Pick<AppState, 'language' | 'position' | 'selection'> {
  return {
    language: parseLanguageParameter(location.search),
    position: parseMapHash(location.hash),
    selection: parseFeatureParameter(location.search),
  };
}

/**
 * Mirrors the shared state in the address bar, so any view can be bookmarked, shared and reloaded: the
 * map position as `#map=zoom/lat/lon`, the language as `?lang=`, the open feature as `?feature=layer/id`.
 * Changes of view replace the current history entry (panning does not fill the Back button); Back, Forward
 * and an edited hash bring their view back.
 */
export function bindUrl(state: AppStateStore, router: Router): () => void {
  let isWriting = false;
  const write = () => {
    const { search, hash } = urlOf(state.get(), router.get());
    isWriting = true;
    try {
      router.replaceView(search, hash);
    } finally {
      isWriting = false;
    }
  };
  const read = () => {
    if (isWriting) return;
    const fromUrl = stateFromUrl(router.get());
    state.update((current) => {
      const isSameSelection = current.selection?.layerId === fromUrl.selection?.layerId && current.selection?.featureId === fromUrl.selection?.featureId;
      // The hash rounds the position: the map's own, more precise position stays while they agree.
      const isSamePosition = current.position !== null && fromUrl.position !== null && formatMapHash(current.position) === formatMapHash(fromUrl.position);
      const next = {
        ...current,
        language: fromUrl.language,
        position: isSamePosition ? current.position : (fromUrl.position ?? current.position),
        selection: isSameSelection ? current.selection : fromUrl.selection,
      };
      return next.language === current.language && next.position === current.position && next.selection === current.selection ? current : next;
    });
  };
  const stopState = state.subscribe(write);
  const stopRouter = router.subscribe(read);
  write();
  return () => {
    stopState();
    stopRouter();
  };
}

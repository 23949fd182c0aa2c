import { Suspense, lazy, type ComponentType } from 'react';
import { Loading } from 'react-admin';

/**
 * A view loaded on first use (its own chunk), with react-admin's loading indicator meanwhile:
 * heavy views stay out of the first page's JavaScript.
 * @example
 * const CaseShow = lazyView(() => import('../cases/show/case-show.js').then((m) => ({ default: m.CaseShow })));
 */
export function lazyView(load: () => Promise<{ default: ComponentType }>): ComponentType {
  const View = lazy(load);
  function LazyView() {
    return (
      <Suspense fallback={<Loading />}>
        <View />
      </Suspense>
    );
  }
  return LazyView;
}

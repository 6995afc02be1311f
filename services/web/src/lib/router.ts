/** The screens of the app and their URLs (History API routing; the gateway falls back to index.html). */
export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'register' }
  | { name: 'portfolios' }
  | { name: 'profile' }
  | { name: 'admin' }
  | { name: 'portfolio'; id: string }
  | { name: 'trade'; id: string }
  | { name: 'history'; id: string }
  | { name: 'not-found'; path: string };

const PORTFOLIO = /^\/portfolios\/([^/]+)(?:\/(trade|history))?$/;

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The route for a pathname (a trailing slash is ignored; anything unknown is 'not-found'). */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'home' };
  if (path === '/login') return { name: 'login' };
  if (path === '/register') return { name: 'register' };
  if (path === '/portfolios') return { name: 'portfolios' };
  if (path === '/profile') return { name: 'profile' };
  if (path === '/admin') return { name: 'admin' };
  const match = PORTFOLIO.exec(path);
  const id = match ? decode(match[1]) : undefined;
  if (match && id) {
    if (match[2] === 'trade') return { name: 'trade', id };
    if (match[2] === 'history') return { name: 'history', id };
    return { name: 'portfolio', id };
  }
  return { name: 'not-found', path: pathname };
}

/** The URL of a route. */
export function pathFor(route: Route): string {
  switch (route.name) {
    case 'home': return '/';
    case 'login': return '/login';
    case 'register': return '/register';
    case 'portfolios': return '/portfolios';
    case 'profile': return '/profile';
    case 'admin': return '/admin';
    case 'portfolio': return `/portfolios/${encodeURIComponent(route.id)}`;
    case 'trade': return `/portfolios/${encodeURIComponent(route.id)}/trade`;
    case 'history': return `/portfolios/${encodeURIComponent(route.id)}/history`;
    case 'not-found': return route.path;
  }
}

/** Screens only a signed-in user may see. */
export function needsSignIn(route: Route): boolean {
  return route.name === 'portfolios' || route.name === 'profile' || route.name === 'admin' || route.name === 'portfolio' || route.name === 'trade' || route.name === 'history';
}

/** Screens a signed-in user is sent away from (to their portfolios). */
export function forGuestsOnly(route: Route): boolean {
  return route.name === 'login' || route.name === 'register' || route.name === 'home';
}

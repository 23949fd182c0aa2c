import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { pageRouteOf } from './page-route.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no element with id "root" to render the panel into.');

// Each app is its own chunk: a worker's phone on /speak and an agency on /referral/... load MUI
// and the public API only, never react-admin; the panel loads react-admin and none of them.
const route = pageRouteOf(window.location.pathname, window.location.hash);
let app: Promise<ReactElement>;
if (route.app === 'speak') {
  if (window.location.hash) window.history.replaceState(null, '', '/speak');
  app = import('./speak/speak-app.js').then(({ SpeakApp }) => <SpeakApp />);
} else if (route.app === 'referral') {
  app = import('./agency/agency-app.js').then(({ AgencyApp }) => <AgencyApp token={route.token} />);
} else {
  app = import('./app.js').then(({ App }) => <App />);
}
void app.then((element) => createRoot(root).render(<StrictMode>{element}</StrictMode>));

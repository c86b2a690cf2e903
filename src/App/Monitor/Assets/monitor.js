// The monitor's entry: sign-in, the hash router (#/ for the list, #/instances/{id} for one instance) and sign-out.
import { call, management, session, whenUnauthorized } from './api.js';
import { showList } from './list.js';
import { showInstance } from './details.js';

const login = document.getElementById('login');
const app = document.getElementById('app');
const signOut = document.getElementById('sign-out');
let stopView = () => {};

function showLogin(error = '') {
  stopView();
  stopView = () => {};
  app.hidden = true;
  app.replaceChildren();
  signOut.hidden = true;
  login.hidden = false;
  document.getElementById('login-error').textContent = error;
  document.getElementById('admin-key').focus();
}

function route() {
  if (!session.key()) { showLogin(); return; }
  login.hidden = true;
  app.hidden = false;
  signOut.hidden = false;
  stopView();
  const match = /^#\/instances\/(.+)$/.exec(location.hash);
  stopView = match ? showInstance(app, decodeURIComponent(match[1])) : showList(app);
}

document.getElementById('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('admin-key');
  const key = input.value.trim();
  try {
    // Check the key against the management API before keeping it.
    await call('GET', `${management}/instances?top=1`, { key });
  } catch (error) {
    showLogin(error.status === 401 ? 'The key was refused: the management API needs the admin key.' : `Could not reach the app: ${error.message}`);
    return;
  }
  input.value = '';
  session.signIn(key);
  route();
});

signOut.addEventListener('click', () => { session.signOut(); showLogin(); });
whenUnauthorized(() => { session.signOut(); showLogin('The admin key is no longer accepted; sign in again.'); });
window.addEventListener('hashchange', route);
route();

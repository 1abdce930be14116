// HireCheck's content scripts, in their order: each helper sets one global of the content script's
// isolated world that content.js (last) uses; none imports or exports anything. content/loader.js
// imports this module once the page has loaded. The build (scripts/build-extension.sh) joins the files
// below into this one module, because the browser fetches every imported module on its own.
import '../settings.js';
import '../texts.js';
import './badge.js';
import '../fallback/request.js';
import './photo.js';
import './patterns.js';
import './grey-badge.js';
import './cover.js';
import '../content.js';

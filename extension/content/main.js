// HireCheck's content scripts, imported by content/loader.js once the page has loaded. ES modules in
// the content script's isolated world, evaluated once each, in this order: each helper sets one
// global of this world that content.js (last) uses. None imports or exports anything else.
// Every file here is listed in the manifest's web_accessible_resources (tests/manifest.rs checks it).
import '../settings.js';
import '../fallback/badge.js';
import '../fallback/request.js';
import './photo.js';
import './patterns.js';
import './grey-badge.js';
import './cover.js';
import '../content.js';

// HireCheck content script: the profile photo and its hash, for the memory across profiles (content/main.js
// imports it before content.js, in the same isolated world). Reads the page; never fetches.
'use strict';

(() => {
  if (globalThis.__hirecheckPhoto) return;

  // The profile photo, when the page shows one as a loaded <img>.
  const PHOTO_SELECTORS = [
    '.cfe-ui-profile-photo img', '[data-qa="profile-photo"] img', 'img[itemprop="image"]',
    '.profile-photo img', 'img.profile-photo', 'img.avatar',
  ];

  function profilePhoto() {
    for (const sel of PHOTO_SELECTORS) {
      const img = document.querySelector(sel);
      if (img && img.complete && img.naturalWidth > 0) return img;
    }
    return null;
  }

  // 64-bit difference hash (9x8 grey) of a readable image, 16 hex digits; null when the image is
  // cross-origin without CORS (the canvas is tainted and reading it throws). Never fetches anything.
  function photoHash(img) {
    try {
      const canvas = document.createElement('canvas');
      canvas.width = 9;
      canvas.height = 8;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(img, 0, 0, 9, 8);
      const d = ctx.getImageData(0, 0, 9, 8).data;
      const grey = (x, y) => { const i = (y * 9 + x) * 4; return d[i] * 0.299 + d[i + 1] * 0.587 + d[i + 2] * 0.114; };
      let hex = '';
      for (let y = 0; y < 8; y += 1) {
        let byte = 0;
        for (let x = 0; x < 8; x += 1) byte = (byte << 1) | (grey(x, y) > grey(x + 1, y) ? 1 : 0);
        hex += byte.toString(16).padStart(2, '0');
      }
      return hex;
    } catch (_) {
      return null;
    }
  }

  Object.defineProperty(globalThis, '__hirecheckPhoto', { value: Object.freeze({ profilePhoto, photoHash }) });
})();

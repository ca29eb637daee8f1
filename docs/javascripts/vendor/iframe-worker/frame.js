/* What a Web Worker has, inside the hidden frame that iframe-worker's shim.js (beside this file)
   puts in its place from file://: these lines were the shim's inline script (MIT, iframe-worker
   1.0.4), moved into a file so that the offline copy's script-src needs no hash for them. */
"use strict";
self.postMessage = function (message, origin) { parent.postMessage(message, origin || "*"); };
self.importScripts = function (...urls) {
  return urls.reduce((done, url) => done.then(() => new Promise((loaded) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = loaded;
    document.body.appendChild(script);
  })), Promise.resolve());
};
addEventListener("error", ({ error }) => {
  parent.dispatchEvent(new ErrorEvent("error", { filename: frameElement.dataset.url, error }));
});

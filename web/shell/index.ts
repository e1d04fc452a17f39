// Placeholder until the browser shell lands: the package's entry is the core's wasm API.
export * from "../wasm/passkey_ready_web.js";

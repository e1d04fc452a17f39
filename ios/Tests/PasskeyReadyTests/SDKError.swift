// A file importing both PasskeyReady and PasskeyReadyFFI sees two `PasskeyReadyError` types:
// the SDK's and the generated one. This file imports only the SDK, so here the name is
// unambiguous; the other files call the SDK's error `SDKError`.

import PasskeyReady

typealias SDKError = PasskeyReadyError

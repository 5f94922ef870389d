// The stand-in test/common as an ES module, as Node's test/common/index.mjs
// is: the same object (index.js), its members as named exports.
import common from './index.js';

export const {
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustSucceed,
  expectsError,
  expectWarning,
  invalidArgTypeHelper,
  skip,
  skipIf32Bits,
  printSkipMessage,
  platformTimeout,
  getArrayBufferViews,
  getBufferSources,
  localhostIPv4,
  hasIPv6,
  hasCrypto,
  hasIntl,
  hasOpenSSL3,
  enoughTestMem,
  isWindows,
  isMacOS,
  isLinux,
  isAIX,
  isSunOS,
  isIBMi,
  isDebug,
} = common;

export default common;

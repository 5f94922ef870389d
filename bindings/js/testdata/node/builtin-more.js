'use strict';
// os functions as primitives, os.EOL redefinable, float writes of Infinity
// and NaN, querystring.escape of a lone surrogate, events.getMaxListeners
// (run under node and dgramjs: the same output).
const os = require('os');
console.log(`${os.hostname}` === os.hostname(), `${os.platform}`, +os.totalmem === os.totalmem());
Object.defineProperty(os, 'EOL', { value: 'x' }); console.log(os.EOL);
const b = Buffer.alloc(8); b.writeFloatLE(Infinity, 0); b.writeDoubleBE(NaN, 0); console.log(b.toString('hex'), b.readFloatLE(0), Buffer.from([0, 0, 0x80, 0x7f]).readFloatLE(0), Buffer.alloc(4).writeFloatBE(1.5));
const f4 = Buffer.alloc(4); f4.writeFloatBE(NaN); console.log(f4.toString('hex'), Buffer.alloc(8).writeDoubleLE(-Infinity), Buffer.from([0, 0, 0, 0, 0, 0, 0xf0, 0xff]).readDoubleLE());
try { require('querystring').escape('\ud800'); } catch (e) { console.log(e.name, e.code, e.message); }
const { setMaxListeners, getMaxListeners, EventEmitter } = require('events');
console.log(getMaxListeners(new EventEmitter()));
try { getMaxListeners({}); } catch (e) { console.log(e.code); }
{
const u = require("util");
try { u.styleText('nope', 'x'); } catch (e) { console.log(e.code, e.message); }
try { u.styleText('red', 1); } catch (e) { console.log(e.code, e.message); }
console.log(JSON.stringify(u.styleText(['bold', 'red'], 'x', { validateStream: false })), JSON.stringify(u.styleText('red', 'x')), JSON.stringify(u.inspect.colors.red));
}
{
const qs = require('querystring');
console.log(qs.escape(5), qs.escape({}), qs.escape([5, 10]), qs.escape('Ŋōđĕ'), qs.escape(`${String.fromCharCode(0xD801)}test`), qs.escape("a b!'()*~-._"));
try { qs.escape(String.fromCharCode(0xD801)); } catch (e) { console.log(e.name, e.code, e.message); }
const { StringDecoder } = require('string_decoder'); const o = {}; StringDecoder.call(o, 'hex'); console.log(o.encoding);
require('events').once({}, 'x').catch((e) => console.log(e.code, e.message));
try { require('crypto').randomBytes(-1); } catch (e) { console.log(e.code); }
}

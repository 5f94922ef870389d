// A .js file with import and export in a package without "type": node 20
// runs it as an ES module after it fails to parse as CommonJS.
import { EventEmitter } from 'events';
import dep from './lib/dep.js';
export const x = 1;
console.log(typeof EventEmitter, dep, typeof require, typeof module);

globalThis.throwsLoads = (globalThis.throwsLoads || 0) + 1;
throw new Error('throws on load ' + globalThis.throwsLoads);

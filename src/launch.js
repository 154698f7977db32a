#!/usr/bin/env node
/* global process */
// The installed `catop` command. Plain JavaScript of the oldest syntax so that any Node can parse
// it and say in one line which Node catop needs; the bundle (main.js) uses syntax an older Node
// would reject with a stack trace.
var major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write('catop: needs Node.js 20 or newer (this is Node.js ' + process.version + ')\n');
  process.exitCode = 1;
} else {
  import('./main.js');
}

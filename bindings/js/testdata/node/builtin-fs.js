'use strict';
// fs: sync, callback and promise forms, Stats, Dirent, descriptors, streams and
// Node's errors, in a temporary directory (run under node and dgramjs: the
// same output).
const fs = require('node:fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgramjs-fs-'));
const rel = (p) => p.split(dir).join('<dir>');
const show = (label, fn) => { try { const v = fn(); console.log(label, typeof v === 'string' ? rel(v) : v); } catch (e) { console.log(label, 'throws', e.code, rel(e.message), e.errno, e.syscall, e.path && rel(e.path)); } };
const f = path.join(dir, 'a.txt');
show('write', () => fs.writeFileSync(f, 'hello\n'));
show('append', () => fs.appendFileSync(f, Buffer.from('world\n')));
show('read', () => fs.readFileSync(f, 'utf8'));
show('read buffer', () => fs.readFileSync(f).length);
show('read opts', () => fs.readFileSync(f, { encoding: 'hex' }));
show('exists', () => [fs.existsSync(f), fs.existsSync(f + 'x'), fs.existsSync()].join());
show('stat', () => { const s = fs.statSync(f); return [s.size, s.isFile(), s.isDirectory(), s.mode.toString(8).slice(-3) !== '', s.mtime instanceof Date, typeof s.mtimeMs].join(); });
show('stat dir', () => fs.statSync(dir).isDirectory());
show('stat missing', () => fs.statSync(f + 'x'));
show('stat noentry', () => fs.statSync(f + 'x', { throwIfNoEntry: false }));
show('read missing', () => fs.readFileSync(path.join(dir, 'nope')));
show('read dir', () => fs.readFileSync(dir));
show('mkdir', () => fs.mkdirSync(path.join(dir, 'sub')));
show('mkdir again', () => fs.mkdirSync(path.join(dir, 'sub')));
show('mkdir recursive', () => fs.mkdirSync(path.join(dir, 'x/y/z'), { recursive: true }));
show('mkdir recursive exists', () => fs.mkdirSync(path.join(dir, 'x/y'), { recursive: true }));
show('symlink', () => fs.symlinkSync(f, path.join(dir, 'link')));
show('lstat', () => fs.lstatSync(path.join(dir, 'link')).isSymbolicLink());
show('readlink', () => fs.readlinkSync(path.join(dir, 'link')));
show('realpath', () => fs.realpathSync(path.join(dir, 'link')));
show('readdir', () => fs.readdirSync(dir).sort().join());
show('readdir types', () => fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1).map((d) => d.name + ':' + d.isFile() + d.isDirectory() + d.isSymbolicLink()).join());
show('rename', () => fs.renameSync(path.join(dir, 'sub'), path.join(dir, 'sub2')));
show('rename missing', () => fs.renameSync(path.join(dir, 'nope'), path.join(dir, 'x2')));
show('copy', () => { fs.copyFileSync(f, path.join(dir, 'b.txt')); return fs.readFileSync(path.join(dir, 'b.txt'), 'latin1'); });
show('copy excl', () => fs.copyFileSync(f, path.join(dir, 'b.txt'), fs.constants.COPYFILE_EXCL));
show('access', () => fs.accessSync(f, fs.constants.R_OK));
show('access missing', () => fs.accessSync(f + 'x'));
show('fd', () => { const fd = fs.openSync(f, 'r+'); const b = Buffer.alloc(5); const n = fs.readSync(fd, b, 0, 5, 0); fs.writeSync(fd, 'J', 0); fs.closeSync(fd); return n + ' ' + b + ' ' + fs.readFileSync(f, 'utf8').split('\n')[0]; });
show('rmdir notempty', () => fs.rmdirSync(path.join(dir, 'x')));
show('rm dir', () => fs.rmSync(path.join(dir, 'x')));
show('rm recursive', () => fs.rmSync(path.join(dir, 'x'), { recursive: true }));
show('rm force', () => fs.rmSync(path.join(dir, 'nope'), { force: true }));
show('unlink', () => fs.unlinkSync(path.join(dir, 'link')));
show('bad path', () => fs.readFileSync(1.5));
show('bad flag', () => fs.readFileSync(f, { flag: 'q' }));
show('url path', () => fs.readFileSync(require('url').pathToFileURL(f), 'utf8').length);
show('constants', () => [fs.constants.O_CREAT, fs.constants.S_IFREG, fs.F_OK, fs.R_OK].join());
fs.readFile(f, 'utf8', (err, data) => {
  console.log('async read', err, JSON.stringify(data));
  fs.stat(f + 'x', (err2) => {
    console.log('async stat', err2.code, rel(err2.message));
    fs.promises.readFile(f, 'utf8').then((d) => {
      console.log('promise read', JSON.stringify(d));
      return fs.promises.writeFile(path.join(dir, 'c.txt'), 'promised');
    }).then(() => fs.promises.readdir(dir)).then((list) => {
      console.log('promise readdir', list.sort().join());
      return fs.promises.stat(path.join(dir, 'nope')).catch((e) => console.log('promise stat', e.code));
    }).then(() => {
      const ws = fs.createWriteStream(path.join(dir, 'stream.txt'));
      ws.write('line 1\n');
      ws.end('line 2\n', () => {
        const chunks = [];
        fs.createReadStream(path.join(dir, 'stream.txt'), { encoding: 'utf8' })
          .on('data', (c) => chunks.push(c))
          .on('close', () => {
            console.log('streams', JSON.stringify(chunks.join('')));
            fs.rmSync(dir, { recursive: true });
            console.log('cleaned', fs.existsSync(dir));
          });
      });
    });
  });
});

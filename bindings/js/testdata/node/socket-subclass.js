// A class that extends dgram.Socket, as dns2's server does: the instance
// is the subclass's (instanceof, its own methods, its constructor's
// fields), and is a working socket.
const dgram = require('dgram');

class Server extends dgram.Socket {
  constructor(type) {
    super(type);
    this.label = 'server';
    this.on('message', this.handle.bind(this));
  }
  handle(msg, rinfo) {
    console.log(this.label, 'got', msg.toString(), rinfo.family);
    this.close(() => console.log('closed'));
  }
}

const s = new Server('udp4');
console.log(s instanceof Server, s instanceof dgram.Socket, typeof s.handle, s.constructor === Server);
console.log(Object.getPrototypeOf(Server.prototype) === dgram.Socket.prototype);
s.bind(0, '127.0.0.1', () => {
  const c = dgram.createSocket('udp4');
  c.send('hello', s.address().port, '127.0.0.1', () => c.close());
});

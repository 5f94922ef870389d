// needs: sandbox
// bonjour-service (DNS-SD over mDNS), as its README shows, as an ES module:
// import { Bonjour }, publish() an HTTP service (after probing the name on
// the network), find() it with the 'up' callback, print what was found,
// then unpublishAll() and destroy(). mDNS uses the default interfaces and
// port 5353, which is why it runs only in the test's private network
// namespace, where the only address is 10.200.0.1 (IPv6 is left out: its
// link-local address is random).
import { Bonjour } from 'bonjour-service'
import peer from './lib/peer.js'

peer.deadline(8000, 'bonjour-service')
const instance = new Bonjour({}, (err) => console.log('bonjour error:', err))

// advertise an HTTP server on port 3000
const service = instance.publish({
  name: 'My Web Server',
  type: 'http',
  port: 3000,
  host: 'board.local',
  txt: { path: '/status', version: '1' },
  disableIPv6: true,
})
service.on('up', () => console.log('published:', service.fqdn, 'on', service.host + ':' + service.port))

// browse for all http services
const browser = instance.find({ type: 'http' }, function (service) {
  console.log('Found an HTTP server:', {
    name: service.name,
    fqdn: service.fqdn,
    type: service.type,
    protocol: service.protocol,
    host: service.host,
    port: service.port,
    addresses: service.addresses,
    txt: service.txt,
    subtypes: service.subtypes,
  })
  browser.stop()
  instance.unpublishAll(() => {
    console.log('unpublished')
    instance.destroy(() => console.log('destroyed'))
  })
})

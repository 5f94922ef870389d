// net-snmp, as its README shows: an SNMPv2c session
// (snmp.createSession(target, community, options)) gets sysDescr and
// sysName with session.get(oids, cb), checking each varbind with
// snmp.isVarbindError, sets sysName with session.set, gets it again, then
// session.close(). The peer is net-snmp's own agent (snmp.createAgent with
// scalar providers registered in its MIB), whose callback prints each
// request it served. The agent's port option treats 0 as 161, so the
// script asks the kernel for a free port first.
'use strict';
var snmp = require('net-snmp');
var peer = require('./lib/peer');

peer.deadline(5000, 'net-snmp');

peer.freePort(function (port) {
  var agent = snmp.createAgent({ port: port, address: '127.0.0.1', disableAuthorization: true }, function (error, data) {
    if (error) {
      console.log('agent error: ' + error);
    } else {
      console.log('agent served ' + snmp.PduType[data.pdu.type] + ' for ' + data.pdu.varbinds.map(function (v) { return v.oid; }).join(', '));
    }
  });
  agent.getAuthorizer().addCommunity('public');
  agent.getAuthorizer().addCommunity('private');
  var mib = agent.getMib();
  mib.registerProvider({
    name: 'sysDescr',
    type: snmp.MibProviderType.Scalar,
    oid: '1.3.6.1.2.1.1.1',
    scalarType: snmp.ObjectType.OctetString,
    maxAccess: snmp.MaxAccess['read-only'],
  });
  mib.registerProvider({
    name: 'sysName',
    type: snmp.MibProviderType.Scalar,
    oid: '1.3.6.1.2.1.1.5',
    scalarType: snmp.ObjectType.OctetString,
    maxAccess: snmp.MaxAccess['read-write'],
  });
  mib.setScalarValue('sysDescr', 'MyAwesomeHost');
  mib.setScalarValue('sysName', 'board-1');

  var session = snmp.createSession('127.0.0.1', 'private', { port: port, version: snmp.Version2c, timeout: 2000, retries: 0 });
  var oids = ['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.5.0'];

  function print(varbinds) {
    for (var i = 0; i < varbinds.length; i++) {
      if (snmp.isVarbindError(varbinds[i])) {
        console.log(snmp.varbindError(varbinds[i]));
      } else {
        console.log(varbinds[i].oid + '|' + varbinds[i].value);
      }
    }
  }

  session.get(oids, function (error, varbinds) {
    if (error) { console.log('get: ' + error.toString()); return finish(); }
    print(varbinds);
    session.set([{ oid: '1.3.6.1.2.1.1.5.0', type: snmp.ObjectType.OctetString, value: 'board-2' }], function (error, varbinds) {
      if (error) { console.log('set: ' + error.toString()); return finish(); }
      print(varbinds);
      session.get(oids.concat(['1.3.6.1.2.1.1.9.0']), function (error, varbinds) {
        if (error) { console.log('get: ' + error.toString()); } else { print(varbinds); }
        finish();
      });
    });
  });

  function finish() {
    session.on('close', function () { console.log('session closed'); });
    session.close();
    agent.close(function () { console.log('agent closed'); });
  }
});

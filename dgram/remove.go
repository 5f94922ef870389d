package dgram

// Removing a listener. Node removes one by its function value
// (removeListener, off), which Go cannot compare; so the Add*Listener
// methods return the removal instead, as context.AfterFunc returns its
// stop function. OnMessage and its kin add a listener for the life of the
// socket; Add*Listener adds one the caller may take off again:
//
//	remove := s.AddMessageListener(func(msg []byte, rinfo dgram.RemoteInfo) { ... })
//	defer remove()
//
// remove may be called from any goroutine, from a listener too, and more
// than once (later calls do nothing). A listener removed while its event is
// being emitted may still be called for that event (Node runs the
// listeners that were attached when the event began, too), never for a
// later one.

// AddCloseListener adds listener to the 'close' event, as OnClose does, and
// returns the function that removes it.
func (s *Socket) AddCloseListener(listener CloseListener) (remove func()) {
	s.mustListen("AddCloseListener", listener == nil)
	id := s.events.close.add(listener)
	return func() { s.events.close.remove(id) }
}

// AddErrorListener adds listener to the 'error' event, as OnError does, and
// returns the function that removes it.
func (s *Socket) AddErrorListener(listener ErrorListener) (remove func()) {
	s.mustListen("AddErrorListener", listener == nil)
	id := s.events.error.add(listener)
	return func() { s.events.error.remove(id) }
}

// AddListeningListener adds listener to the 'listening' event, as
// OnListening does, and returns the function that removes it.
func (s *Socket) AddListeningListener(listener ListeningListener) (remove func()) {
	s.mustListen("AddListeningListener", listener == nil)
	id := s.events.listening.add(listener)
	return func() { s.events.listening.remove(id) }
}

// AddMessageListener adds listener to the 'message' event, as OnMessage
// does, and returns the function that removes it.
func (s *Socket) AddMessageListener(listener MessageListener) (remove func()) {
	s.mustListen("AddMessageListener", listener == nil)
	id := s.events.message.add(listener)
	return func() { s.events.message.remove(id) }
}

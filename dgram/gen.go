package dgram

//go:generate go run ../gen/cmd/dgramgen -root ..

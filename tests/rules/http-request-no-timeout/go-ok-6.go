// bastion-fixture: charger/ocpp/forwarder.go
// ok: http-request-no-timeout
package ocpp

import (
	"context"
	"crypto/tls"
	"net/http"
	"time"

	"github.com/coder/websocket"
)

// The client carries a WebSocket meant to stay open; the dial's context bounds the handshake.
func dialUpstream(url string, tlsConfig *tls.Config) (*websocket.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{
		Subprotocols: []string{"ocpp1.6"},
		HTTPClient:   &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig}},
	})
	return conn, err
}

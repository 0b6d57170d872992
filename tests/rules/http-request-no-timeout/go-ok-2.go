// bastion-fixture: internal/client/rates_test.go
// ok: http-request-no-timeout
package client

func TestRates(t *testing.T) {
	http.Get(srv.URL)
}

// bastion-fixture: internal/client/http.go
// ok: tls-verification-disabled
package client

// InsecureSkipVerify: true is never acceptable here
var cfg = &tls.Config{RootCAs: pool, InsecureSkipVerify: false}

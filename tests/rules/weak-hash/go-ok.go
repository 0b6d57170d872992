// bastion-fixture: internal/web/etag.go
// ok: weak-hash
package web

import (
	"crypto/md5"
	"crypto/sha256"
	"fmt"
)

func ETag(body []byte) string {
	return fmt.Sprintf("%x", md5.Sum(body))
}

func Digest(body []byte) string {
	return fmt.Sprintf("%x", sha256.Sum256(body))
}

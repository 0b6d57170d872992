// bastion-fixture: internal/store/files.go
// ok: permissive-file-mode
package store

import "os"

func save(p string, b []byte) error {
	return os.WriteFile(p, b, 0600)
}

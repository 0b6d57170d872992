// bastion-fixture: internal/store/files.go
package store

import "os"

func save(p string, b []byte) error {
// expect: permissive-file-mode
	return os.WriteFile(p, b, 0666)
}

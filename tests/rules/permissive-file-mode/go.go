// bastion-fixture: internal/store/files.go
package store

import "os"

func publish(p string) error {
// expect: permissive-file-mode
	return os.Chmod(p, 0777)
}

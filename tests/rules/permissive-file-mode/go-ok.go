// bastion-fixture: internal/store/files.go
// ok: permissive-file-mode
package store

import "os"

func save(p string, b []byte) error {
	if err := os.MkdirAll("/srv/data", 0o750); err != nil {
		return err
	}
	if err := os.Chmod(p, 0o640); err != nil {
		return err
	}
	return os.WriteFile(p, b, 0666)
}

// Opening an existing file: the mode applies only with O_CREATE.
func appendRaw(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDWR, 0777)
}

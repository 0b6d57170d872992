// bastion-fixture: internal/store/files.go
package store

import (
	"os"
	"syscall"
)

func publish(p string, b []byte) error {
	if err := os.MkdirAll("/srv/data", os.ModePerm); err != nil {
		return err
	}
// expect: permissive-file-mode
	if err := os.WriteFile(p, b, 0o777); err != nil {
		return err
	}
// expect: permissive-file-mode
	syscall.Umask(0)
// expect: permissive-file-mode
	return os.Chmod(p, 0777)
}

func createLog(p string) (*os.File, error) {
// expect: permissive-file-mode
	return os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0777)
}

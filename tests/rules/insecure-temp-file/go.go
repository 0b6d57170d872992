// bastion-fixture: internal/export/csv.go
package export

import "os"

func write(b []byte) error {
// expect: insecure-temp-file
	return os.WriteFile("/tmp/export.csv", b, 0o600)
}

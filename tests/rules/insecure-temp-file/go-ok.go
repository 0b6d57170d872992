// bastion-fixture: internal/export/csv.go
// ok: insecure-temp-file
package export

import "os"

func write(b []byte) (string, error) {
	f, err := os.CreateTemp("", "export-*.csv")
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = f.Write(b)
	return f.Name(), err
}

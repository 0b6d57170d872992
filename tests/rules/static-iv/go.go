// bastion-fixture: internal/crypto/seal.go
package crypto

import (
	"crypto/aes"
	"crypto/cipher"
)

var fixedIV = []byte("0123456789abcdef")

func seal(key, plain []byte) []byte {
	block, _ := aes.NewCipher(key)
	iv := make([]byte, aes.BlockSize)
// expect: static-iv
	mode := cipher.NewCBCEncrypter(block, iv)
	out := make([]byte, len(plain))
	mode.CryptBlocks(out, plain)
// expect: static-iv
	stream := cipher.NewCTR(block, fixedIV)
	stream.XORKeyStream(out, out)
	gcm, _ := cipher.NewGCM(block)
	nonce := []byte("123456789012")
// expect: static-iv
	return gcm.Seal(nil, nonce, out, nil)
}

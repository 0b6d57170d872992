// bastion-fixture: app/services/StatementParser.scala
package services

import java.io.ByteArrayInputStream
import javax.xml.XMLConstants
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Document

class StatementParser {
  def parseUpload(bytes: Array[Byte]): Document = {
// expect: xxe
    val factory = DocumentBuilderFactory.newInstance()
    factory.setNamespaceAware(true)
    factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes))
  }

  // The other parser of the file is hardened; that does not harden the one above.
  def parseConfig(bytes: Array[Byte]): Document = {
    val factory = DocumentBuilderFactory.newInstance()
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
    factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes))
  }
}

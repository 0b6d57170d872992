// bastion-fixture: app/services/FeedParser.scala
// ok: xxe
package services

import java.io.InputStream
import javax.xml.XMLConstants
import javax.xml.parsers.DocumentBuilderFactory

object FeedParser {
  def parse(in: InputStream) = {
    val factory = DocumentBuilderFactory.newInstance()
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true)
    factory.newDocumentBuilder().parse(in)
  }
}

// bastion-fixture: src/main/kotlin/com/acme/imports/FeedReader.kt
// ok: xxe
package com.acme.imports

import java.io.InputStream
import javax.xml.stream.XMLInputFactory
import javax.xml.stream.XMLStreamReader

class FeedReader {
    private val factory: XMLInputFactory = XMLInputFactory.newInstance().apply {
        setProperty(XMLInputFactory.SUPPORT_DTD, false)
        setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false)
    }

    fun open(input: InputStream): XMLStreamReader = factory.createXMLStreamReader(input)
}

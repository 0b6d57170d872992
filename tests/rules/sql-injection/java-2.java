// bastion-fixture: src/main/java/shop/OrderController.java
// A jOOQ condition written as SQL text around a request parameter.
package shop;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {
    private final DSLContext dsl;

    public OrderController(DSLContext dsl) {
        this.dsl = dsl;
    }

    @GetMapping("/orders")
    public String orders(@RequestParam String status) {
        return dsl.select()
            .from(DSL.table("orders"))
// expect: sql-injection
            .where(DSL.condition("status = '" + status + "'"))
            .fetch()
            .formatJSON();
    }
}

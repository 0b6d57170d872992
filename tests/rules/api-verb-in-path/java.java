// bastion-fixture: src/main/java/com/shop/OrderController.java
@RestController
@RequestMapping("/api/orders")
public class OrderController {
// expect: api-verb-in-path
    @PostMapping("/createOrder")
    public Order create(@RequestBody Order order) { return service.place(order); }

// expect: api-verb-in-path
    @RequestMapping(value = "/remove/{id}", method = RequestMethod.POST)
    public void remove(@PathVariable long id) { service.cancel(id); }
}

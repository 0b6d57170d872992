import { Body, Controller, Get, Param, Post } from "@nestjs/common";
import { CreateBookingDto } from "./dto/create-booking.dto";
import { BookingsService } from "./bookings.service";

@Controller("bookings")
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Get(":id")
  findOne(@Param("id") id: string) {
    return this.bookings.findOne(id);
  }

  @Post()
  create(@Body() dto: CreateBookingDto) {
    return this.bookings.create(dto);
  }

  @Post(":id/cancel")
  cancel(@Param("id") id: string) {
    return this.bookings.cancel(id);
  }
}

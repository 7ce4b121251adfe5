/**
 * The example's data: orders in memory, each tagged with the team that owns it. The tags are what
 * the policies test as `aws:ResourceTag/<key>`, the way AWS resources carry theirs.
 */
import { randomUUID } from 'node:crypto'

export type OrderTags = Readonly<Record<string, string>>

export interface Order {
  readonly id: string
  readonly item: string
  readonly quantity: number
  readonly tags: OrderTags
}

/** What a caller sends to place an order. */
export interface NewOrder {
  readonly item: string
  readonly quantity: number
  readonly tags: OrderTags
}

/** The ARN policies name an order by. */
export function orderArn(id: string): string {
  return `arn:aws:app:us-east-1:111122223333:order/${id}`
}

/** A tiny order store; a real app reads and writes its database here. */
export class OrderStore {
  private readonly orders = new Map<string, Order>()

  constructor(seed: readonly Order[] = []) {
    for (const order of seed) this.orders.set(order.id, order)
  }

  get(id: string): Order | undefined {
    return this.orders.get(id)
  }

  create(order: NewOrder): Order {
    const created: Order = { id: `ord-${randomUUID()}`, ...order }
    this.orders.set(created.id, created)
    return created
  }

  delete(id: string): boolean {
    return this.orders.delete(id)
  }
}

/** Orders to start the demo with: one per team. */
export function demoOrders(): Order[] {
  return [
    { id: 'ord-blue-1', item: 'keyboard', quantity: 2, tags: { team: 'blue' } },
    { id: 'ord-red-1', item: 'monitor', quantity: 1, tags: { team: 'red', priority: 'high' } },
  ]
}

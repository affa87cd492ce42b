// The ceiling: the smallest Hono app, served by @hono/node-server exactly as a district is.
import { Hono } from 'hono'
import { listen } from './listen.js'

const app = new Hono()
app.get('/', (c) => c.text('hello'))
listen(app)

-- GET requests for CHUNK bytes at random offsets of a SIZE-byte file: wrk ... -- PATH SIZE CHUNK
-- The offsets come from a fixed seed per thread, so nginx and dualdb are asked for the same ranges in the same order.
local requests = {}
local next = 0
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("thread_number", threads)
end

function init(args)
   local path, size, chunk = args[1], tonumber(args[2]), tonumber(args[3])
   math.randomseed(4242 + thread_number)
   for i = 1, 2000 do
      local first = math.random(0, size - chunk)
      requests[i] = wrk.format("GET", path, { Range = string.format("bytes=%d-%d", first, first + chunk - 1) })
   end
end

function request()
   next = next % #requests + 1
   return requests[next]
end

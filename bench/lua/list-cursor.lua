-- GET the next page by cursor: a random page link out of those collected by walking the listing.
dofile("bench/lua/common.lua")
local links = {}
function init(args)
    seed_random()
    for line in io.lines(os.getenv("CURSORS")) do links[#links + 1] = line end
end
function request()
    return wrk.format("GET", links[math.random(1, #links)])
end

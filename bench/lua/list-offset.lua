-- GET /skills?limit=20&offset=<random>: offset paging anywhere in the seeded skills.
dofile("bench/lua/common.lua")
local skills = tonumber(os.getenv("SKILLS") or "10000")
function init(args) seed_random() end
function request()
    return wrk.format("GET", "/skills?limit=20&offset=" .. math.random(0, skills - 20))
end

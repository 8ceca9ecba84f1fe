-- GET /skills/{id} for a random id of the seeded skills.
dofile("bench/lua/common.lua")
local skills = tonumber(os.getenv("SKILLS") or "10000")
function init(args) seed_random() end
function request()
    return wrk.format("GET", "/skills/" .. math.random(1, skills))
end

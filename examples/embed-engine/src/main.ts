import { unionGrievance } from '@shuoshi/engine'; console.log(unionGrievance.key);
